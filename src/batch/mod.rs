//! Archive batch mode: folder trees in, a mirrored tree of outputs out, with a manifest,
//! resumption after a crash, shards for cluster schedulers, atomic writes and progress.
//!
//! A run first plans every output (refusing collisions and outputs that would overwrite an
//! input before any work starts), then converts at most `jobs` inputs at a time, each
//! output written atomically and each input's manifest line appended as it finishes; the
//! largest inputs go first, and the manifest's lines are put in the inputs' order at the end.

mod commit;
pub mod convert;
pub mod manifest;
pub mod names;
pub mod output;
pub mod progress;
pub mod schedule;
pub mod walk;

use foldhash::{HashMap, HashMapExt, HashSet};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Instant;

use commit::{Finished, commit, elapsed_ms, fail, write_error};
use convert::{RenderOptions, convert_and_render};
use manifest::{Done, Line, Status};
use names::{escape_os, escape_text, printable};
use output::{manifest_path, report_name, with_extension, write_pending};
use progress::Progress;

/// One input of a batch.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where its bytes come from.
    pub source: Source,
    /// Its path relative to the output folder, extension and all; outputs derive from it.
    pub rel: PathBuf,
    /// Its path as found, escaped for messages.
    pub display: String,
    /// Why it fails before being read (a folder that could not be walked).
    pub problem: Option<String>,
}

impl Job {
    fn file(path: &Path, rel: PathBuf) -> Job {
        Job {
            source: Source::File(path.to_path_buf()),
            rel,
            display: escape_os(path.as_os_str()),
            problem: None,
        }
    }
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// `--shard INDEX/COUNT`: this process converts the inputs whose relative path hashes to
/// INDEX modulo COUNT, a choice that depends on neither the files' contents nor the order
/// they are found in, so independent processes split one archive with no coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// From 0.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (index, count) = s
            .split_once('/')
            .ok_or_else(|| format!("expected INDEX/COUNT, such as 0/4, got `{s}`"))?;
        let index: u64 = index
            .trim()
            .parse()
            .map_err(|_| format!("shard index `{index}` is not a number"))?;
        let count: u64 = count
            .trim()
            .parse()
            .map_err(|_| format!("shard count `{count}` is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!(
                "shard index must be from 0 to COUNT-1 (got {index}/{count})"
            ));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether this shard converts the input at manifest path `rel`.
    pub fn keeps(&self, rel: &str) -> bool {
        let digest = manifest::sha256_hex(rel.as_bytes());
        let head = u64::from_str_radix(&digest[..16], 16).unwrap_or(0);
        head % self.count == self.index
    }
}

/// Where reports go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportPlace {
    /// No reports.
    None,
    /// `x.report.json` beside each output.
    Beside,
    /// A folder mirroring the input tree.
    Folder(PathBuf),
}

/// Everything a batch run needs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Files, folders and `-` from the command line.
    pub inputs: Vec<OsString>,
    /// `--files-from`: a file list, `-` for standard input.
    pub files_from: Option<OsString>,
    /// The list is NUL-separated.
    pub null: bool,
    /// Output folder.
    pub output_dir: PathBuf,
    /// How inputs are converted.
    pub render: RenderOptions,
    /// Where reports go.
    pub report: ReportPlace,
    /// Globs selecting files in folders (default `*.pdf`, or `*.txt` with `--from text`).
    pub include: Vec<String>,
    /// Globs excluding files in folders.
    pub exclude: Vec<String>,
    /// Walk hidden files and folders too.
    pub hidden: bool,
    /// Skip inputs already converted from the same bytes with the same options.
    pub resume: bool,
    /// Convert one shard of the inputs.
    pub shard: Option<Shard>,
    /// Inputs converted at once (`None`: one per core).
    pub jobs: Option<usize>,
    /// Nothing on standard error but failures.
    pub quiet: bool,
    /// A line per converted file even without a terminal.
    pub verbose: bool,
}

/// Exit status of a run: every input converted (or skipped).
pub const EXIT_OK: u8 = 0;
/// Exit status of a run: an input failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit status of a run: the command cannot be carried out as given; nothing was done.
pub const EXIT_USAGE: u8 = 2;

/// Runs a batch, printing failures, warnings, progress and the summary on standard error;
/// returns the exit status.
pub fn run(options: &BatchOptions) -> u8 {
    match plan(options) {
        Ok(plan) => execute(options, plan),
        Err((code, message)) => {
            eprintln!("brief2md: {message}");
            code
        }
    }
}

/// An input with its outputs decided.
#[derive(Debug)]
struct Planned {
    job: Job,
    key: String,
    output: PathBuf,
    report: Option<PathBuf>,
}

#[derive(Debug)]
struct Plan {
    planned: Vec<Planned>,
    warnings: Vec<String>,
}

fn plan(options: &BatchOptions) -> Result<Plan, (u8, String)> {
    let usage = |m: String| (EXIT_USAGE, m);
    let selection = walk::Selection::new(
        &options.include,
        &options.exclude,
        options.render.from,
        options.hidden,
    )
    .map_err(usage)?
    .skipping(&options.output_dir);
    let list = match &options.files_from {
        Some(source) => walk::read_list(source, options.null).map_err(usage)?,
        None => Vec::new(),
    };
    let stdin_uses = options.inputs.iter().filter(|i| *i == "-").count()
        + usize::from(options.files_from.as_deref() == Some("-".as_ref()));
    if stdin_uses > 1 {
        return Err(usage("standard input (-) can be read only once".into()));
    }
    let found = walk::collect(&options.inputs, &list, &selection);
    let ext = options.render.to.extension();
    let mut planned: Vec<Planned> = found
        .jobs
        .into_iter()
        .map(|job| {
            let output = options.output_dir.join(with_extension(&job.rel, ext));
            let report = match &options.report {
                ReportPlace::None => None,
                ReportPlace::Beside => Some(options.output_dir.join(report_name(&job.rel))),
                ReportPlace::Folder(dir) => Some(dir.join(report_name(&job.rel))),
            };
            Planned {
                key: manifest_path(&job.rel),
                job,
                output,
                report,
            }
        })
        .collect();
    let mut warnings = found.warnings;
    drop_repeated_inputs(&mut planned, &mut warnings);
    check_collisions(&planned).map_err(usage)?;
    check_inputs_not_overwritten(&planned).map_err(usage)?;
    if let Some(shard) = options.shard {
        planned.retain(|p| shard.keeps(&p.key));
    }
    Ok(Plan { planned, warnings })
}

/// The same file named twice for the same output (`brief2md a.pdf a.pdf -o out/`): it is
/// converted once, and a warning says so. A file reached twice for two outputs (as part of
/// a folder and by its own name into another place) is two jobs, and a clash of outputs is
/// refused as ever.
fn drop_repeated_inputs(planned: &mut Vec<Planned>, warnings: &mut Vec<String>) {
    let mut seen: HashSet<(PathBuf, PathBuf)> = HashSet::default();
    planned.retain(|p| {
        let Source::File(path) = &p.job.source else {
            return true;
        };
        let input = path.canonicalize().unwrap_or_else(|_| path.clone());
        if seen.insert((input, p.output.clone())) {
            return true;
        }
        warnings.push(format!(
            "{} is named more than once: converted once",
            p.job.display
        ));
        false
    });
}

/// Two inputs whose outputs would share a path: refused before any work.
fn check_collisions(planned: &[Planned]) -> Result<(), String> {
    let mut owners: HashMap<&Path, &Planned> = HashMap::new();
    let mut clashes = Vec::new();
    for p in planned.iter().filter(|p| p.job.problem.is_none()) {
        for path in std::iter::once(&p.output).chain(&p.report) {
            if let Some(first) = owners.insert(path, p) {
                clashes.push(format!(
                    "{} and {} would both be written to {}",
                    first.job.display,
                    p.job.display,
                    escape_os(path.as_os_str())
                ));
            }
        }
    }
    match clashes.len() {
        0 => Ok(()),
        n => Err(format!(
            "{}{}; nothing converted (rename one, or convert them into different folders)",
            clashes[0],
            if n > 1 {
                format!(" (and {} more such clash(es))", n - 1)
            } else {
                String::new()
            }
        )),
    }
}

/// An output path that is one of the inputs (`brief2md d/a.md --from text -o d/`): refused
/// before any work. Only outputs whose folder exists can be inputs; folders are resolved
/// once each.
fn check_inputs_not_overwritten(planned: &[Planned]) -> Result<(), String> {
    let inputs: HashSet<PathBuf> = planned
        .iter()
        .filter_map(|p| match &p.job.source {
            Source::File(path) => path.canonicalize().ok(),
            Source::Stdin => None,
        })
        .collect();
    let mut folders: HashMap<&Path, Option<PathBuf>> = HashMap::new();
    for p in planned {
        for path in std::iter::once(&p.output).chain(&p.report) {
            let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                continue;
            };
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            let resolved = folders
                .entry(parent)
                .or_insert_with(|| parent.canonicalize().ok());
            if let Some(folder) = resolved
                && inputs.contains(&folder.join(name))
            {
                return Err(format!(
                    "{}: output would overwrite an input; nothing converted",
                    escape_os(path.as_os_str())
                ));
            }
        }
    }
    Ok(())
}

/// The options recorded in each manifest line and compared by `--resume`: those that
/// change the outputs' bytes or names.
fn options_record(options: &BatchOptions) -> serde_json::Value {
    serde_json::json!({
        "to": options.render.to,
        "from": options.render.from.map(|f| format!("{f:?}").to_lowercase()),
        "wrap": options.render.wrap,
        "report": options.report != ReportPlace::None,
    })
}

struct Shared<'a> {
    progress: Progress,
    manifest: manifest::Writer,
    manifest_name: &'a str,
    manifest_failed: bool,
}

fn execute(options: &BatchOptions, plan: Plan) -> u8 {
    let out_dir = &options.output_dir;
    let mut dirs = vec![out_dir.clone()];
    if let ReportPlace::Folder(dir) = &options.report {
        dirs.push(dir.clone());
    }
    for dir in dirs {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!(
                "brief2md: {}: cannot create folder: {e}",
                escape_os(dir.as_os_str())
            );
            return EXIT_FAILED;
        }
    }
    let manifest_name = manifest::file_name(options.shard);
    let manifest_path = out_dir.join(&manifest_name);
    let writer = match manifest::Writer::open(&manifest_path) {
        Ok(w) => w,
        Err(e) => {
            eprintln!(
                "brief2md: {}: cannot open manifest: {e}",
                escape_os(manifest_path.as_os_str())
            );
            return EXIT_FAILED;
        }
    };
    let done = if options.resume {
        match Done::read(out_dir) {
            Ok(done) => done,
            Err(e) => {
                eprintln!("brief2md: cannot read the manifests to resume from: {e}");
                return EXIT_FAILED;
            }
        }
    } else {
        Done::default()
    };
    let record = options_record(options);
    let progress = Progress::new(plan.planned.len(), options.quiet);
    if !options.quiet {
        for warning in &plan.warnings {
            progress.line(&format!("brief2md: {warning}"));
        }
    }
    let shared = Mutex::new(Shared {
        progress,
        manifest: writer,
        manifest_name: &manifest_name,
        manifest_failed: false,
    });
    let context = Context {
        options,
        done: &done,
        record: &record,
    };
    // Largest first (by size on disk): a large input started last would keep one thread
    // busy long after the others ran out of work.
    let sizes: Vec<u64> = plan.planned.iter().map(input_size).collect();
    let order = schedule::largest_first(&sizes);
    // Conversion threads write each input's outputs under temporary names; as many more
    // threads sync and rename them into place and record the input, so that conversion
    // threads do not sit idle waiting for the disk (and syncs still overlap).
    let threads = schedule::threads(options.jobs);
    let (written, to_commit) = std::sync::mpsc::sync_channel::<(usize, Finished)>(2 * threads);
    let to_commit = Mutex::new(to_commit);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    // The queue's lock is let go before committing.
                    let next = lock(&to_commit).recv();
                    let Ok((i, finished)) = next else {
                        break;
                    };
                    let p = &plan.planned[i];
                    let finished = commit(p, finished);
                    finish(&mut lock(&shared), options, i, p, finished);
                }
            });
        }
        schedule::run(&order, threads, |i| {
            let finished = context.process(&plan.planned[i]);
            // The committing thread ends only once every sender is gone.
            let _ = written.send((i, finished));
        });
        drop(written);
    });
    let mut shared = shared.into_inner().unwrap_or_else(|e| e.into_inner());
    if !shared.manifest_failed
        && let Err(e) = shared.manifest.put_in_order()
    {
        shared.progress.line(&format!(
            "brief2md: {}: cannot put the manifest in order: {e}",
            escape_text(shared.manifest_name)
        ));
        shared.manifest_failed = true;
    }
    let failed = shared.progress.failed() > 0 || shared.manifest_failed;
    let summary = shared.progress.finish();
    if !options.quiet {
        eprintln!("brief2md: {summary}");
    }
    if failed { EXIT_FAILED } else { EXIT_OK }
}

/// `mutex`'s guard, poisoned or not.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// An input's size on disk, for the schedule (0 when unknown or not a file).
fn input_size(p: &Planned) -> u64 {
    match &p.job.source {
        Source::File(path) if p.job.problem.is_none() => {
            std::fs::metadata(path).map_or(0, |m| m.len())
        }
        _ => 0,
    }
}

fn finish(shared: &mut Shared, options: &BatchOptions, index: usize, p: &Planned, f: Finished) {
    let progress = &shared.progress;
    if !options.quiet {
        for warning in &f.warnings {
            progress.line(&format!(
                "brief2md: {}: warning: {}",
                p.job.display,
                printable(warning)
            ));
        }
    }
    if let Some(error) = &f.line.error {
        progress.line(&format!(
            "brief2md: {}: {}",
            p.job.display,
            printable(error)
        ));
    } else if options.verbose && !options.quiet {
        let what = f.summary.as_deref().unwrap_or("already converted, skipped");
        progress.line(&format!("brief2md: {}: {what}", p.job.display));
    }
    if let Err(e) = shared.manifest.append(index, &f.line) {
        if !shared.manifest_failed {
            progress.line(&format!(
                "brief2md: {}: cannot append to the manifest: {e}",
                escape_text(shared.manifest_name)
            ));
        }
        shared.manifest_failed = true;
    }
    shared.progress.finished(f.line.status, f.pages);
}

struct Context<'a> {
    options: &'a BatchOptions,
    done: &'a Done,
    record: &'a serde_json::Value,
}

impl Context<'_> {
    fn process(&self, p: &Planned) -> Finished {
        let started = Instant::now();
        let mut line = Line {
            path: p.key.clone(),
            sha256: None,
            size: None,
            status: Status::Error,
            error: None,
            outputs: Vec::new(),
            output_sha256: Vec::new(),
            pages: None,
            footnotes: None,
            warnings: 0,
            ms: 0,
            tool: format!("brief2md {}", env!("CARGO_PKG_VERSION")),
            options: self.record.clone(),
        };
        let mut finished = Finished {
            line: Line { ..line.clone() },
            pages: 0,
            warnings: Vec::new(),
            summary: None,
            pending: Vec::new(),
        };
        let result = self.convert(p, &mut line, &mut finished);
        if let Err(message) = result {
            finished.pending.clear();
            fail(p, &mut line, message);
        }
        line.ms = elapsed_ms(started);
        finished.line = line;
        finished
    }

    fn convert(&self, p: &Planned, line: &mut Line, finished: &mut Finished) -> Result<(), String> {
        if let Some(problem) = &p.job.problem {
            return Err(problem.clone());
        }
        let bytes = read(&p.job.source)?;
        let sha256 = manifest::sha256_hex(&bytes);
        line.size = Some(bytes.len() as u64);
        line.sha256 = Some(sha256.clone());
        let out_dir = &self.options.output_dir;
        let outputs: Vec<String> = std::iter::once(&p.output)
            .chain(&p.report)
            .map(|path| relative_output(path, out_dir))
            .collect();
        let paths: Vec<&PathBuf> = std::iter::once(&p.output).chain(&p.report).collect();
        if self.options.resume
            && let Some(recorded) =
                self.done
                    .unchanged(&p.key, &sha256, self.record, &outputs, |i| {
                        paths
                            .get(i)
                            .filter(|o| o.is_file())
                            .and_then(|o| std::fs::read(o).ok())
                    })
        {
            line.status = Status::Skipped;
            line.outputs = outputs;
            line.output_sha256 = recorded;
            return Ok(());
        }
        let name = match &p.job.source {
            Source::File(path) => Some(path.to_string_lossy().into_owned()),
            Source::Stdin => None,
        };
        let rendered =
            convert_and_render(bytes, name, &self.options.render).map_err(|e| e.to_string())?;
        let mut output_sha256 = Vec::new();
        let mut write = |path: &'_ Path, data: &[u8]| -> Result<(), String> {
            finished
                .pending
                .push(write_pending(path, data).map_err(|e| write_error(path, e))?);
            output_sha256.push(manifest::sha256_hex(data));
            Ok(())
        };
        write(&p.output, rendered.text.as_bytes())?;
        if let Some(report) = &p.report {
            write(report, rendered.report.to_json().as_bytes())?;
        }
        line.status = Status::Ok;
        line.outputs = outputs;
        line.output_sha256 = output_sha256;
        line.pages = Some(rendered.stats.pages);
        line.footnotes = Some((&rendered.stats).into());
        line.warnings = rendered.report.warnings.len();
        finished.pages = rendered.stats.pages;
        finished.summary = Some(rendered.summary());
        finished.warnings = rendered.report.warnings;
        Ok(())
    }
}

/// An output's path for the manifest: relative to the output folder when inside it.
fn relative_output(path: &Path, out_dir: &Path) -> String {
    match path.strip_prefix(out_dir) {
        Ok(rel) => manifest_path(rel),
        Err(_) => escape_os(path.as_os_str()),
    }
}

/// Reads an input, with the one-line reasons the single-file command gives.
pub fn read(source: &Source) -> Result<Vec<u8>, String> {
    let path = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            return Ok(buf);
        }
        Source::File(path) => path,
    };
    if path.is_dir() {
        return Err("is a directory".into());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert!("3/3".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x/3".parse::<Shard>().is_err());
        let shards: Vec<Shard> = (0..3).map(|i| format!("{i}/3").parse().unwrap()).collect();
        let mut sizes = [0; 3];
        for n in 0..300 {
            let key = format!("folder {n}/brief.pdf");
            let owners: Vec<_> = shards.iter().filter(|s| s.keeps(&key)).collect();
            assert_eq!(owners.len(), 1, "{key}");
            sizes[owners[0].index as usize] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 60), "{sizes:?}");
    }
}
