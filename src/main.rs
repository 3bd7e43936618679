//! The `brief2md` command: argument parsing and I/O only; the work is in the library.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;

use brief2md::InputFormat;
use brief2md::batch::convert::{OutputFormat, RenderOptions, Rendered, convert_and_render};
use brief2md::batch::names::{escape_os, printable};
use brief2md::batch::output::write_atomic;
use brief2md::batch::{self, BatchOptions, ReportPlace, Shard, Source};
use clap::Parser;

/// Counts each conversion's memory, for `--max-memory`, and turns an allocation failure
/// into one line naming the file.
#[global_allocator]
static ALLOCATOR: brief2md::memory::CountingAllocator = brief2md::memory::CountingAllocator;

const EXAMPLES: &str = "\
Examples:
  brief2md brief.pdf                      clean Markdown on stdout
  brief2md brief.pdf -o brief.md          ... into a file
  brief2md brief.pdf -t jats -o brief.xml JATS 1.4 XML (also inferred from a .xml name)
  brief2md extracted.txt                  text another tool pulled out of a PDF
  brief2md scan.hocr                      OCR words with their boxes (hOCR; ALTO .xml too)
  pdftotext -layout a.pdf - | brief2md -  read from stdin
  brief2md *.pdf -o out/ -j 4             many inputs: one output each in out/, 4 at once
  brief2md archive/ -o out/ --report      a folder tree: out/ mirrors it, with a manifest
  brief2md archive/ -o out/ --resume      ... again after a crash: only what is not done
  brief2md archive/ -o out/ --shard 2/8   the third of eight independent parts
  find a -name '*.pdf' -print0 | brief2md --files-from - -0 -o out/
  brief2md brief.pdf --report audit.json  what was removed, repaired or guessed

Exit status: 0 all inputs converted, 1 an input could not be converted, 2 usage error.";

/// Turn think-tank briefs, policy papers and reports (PDF, or text already extracted from
/// a PDF) into clean Markdown with linked footnotes, or JATS XML.
///
/// Running headers and footers, page numbers and letterhead are removed; footnote markers
/// are repaired and linked to their notes; headings, nested lists and the title block
/// (title, authors, editor, date, publisher) are recovered.
#[derive(Debug, Parser)]
#[command(name = "brief2md", version, after_help = EXAMPLES)]
struct Cli {
    /// Input files (PDF, text, hOCR or ALTO) and folders (walked for *.pdf, or *.txt,
    /// *.hocr, *.xml with --from text, hocr, alto); `-` reads standard input.
    #[arg(required_unless_present = "files_from", value_name = "INPUT")]
    inputs: Vec<OsString>,

    /// Output format [default: markdown, or jats when -o ends in .xml]
    #[arg(short = 't', long = "to", value_enum, value_name = "FORMAT")]
    to: Option<OutputFormat>,

    /// Write here instead of standard output; with several inputs or a folder, a folder
    /// that mirrors the inputs' tree (NAME.md or NAME.xml) and holds the manifest
    /// brief2md-manifest.jsonl.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,

    /// Input format [default: sniffed: `%PDF-` header means pdf, an `ocr_page` element
    /// hocr, an `<alto>` root alto, anything else text]
    #[arg(long = "from", value_enum, value_name = "FORMAT")]
    from: Option<InputFormat>,

    /// Write the cleaning report (JSON: every line removed, marker repaired or recovered,
    /// word rejoined, with page, line numbers and confidence). With several inputs or a
    /// folder: without PATH, NAME.report.json beside each output; with PATH, a folder
    /// mirroring the inputs.
    #[arg(long = "report", value_name = "PATH", num_args = 0..=1)]
    report: Option<Option<PathBuf>>,

    /// Wrap Markdown paragraphs at N columns, or `none` to keep each on one line.
    #[arg(long = "wrap", value_name = "none|N", default_value = "none", value_parser = parse_wrap)]
    wrap: Wrap,

    /// Convert, in folders, only files whose path under the folder matches GLOB
    /// (repeatable; case-insensitive) [default: *.pdf, or *.txt with --from text]
    #[arg(long = "include", value_name = "GLOB")]
    include: Vec<String>,

    /// Leave out files, in folders, whose path under the folder matches GLOB (repeatable).
    #[arg(long = "exclude", value_name = "GLOB")]
    exclude: Vec<String>,

    /// Walk hidden files and folders (names starting with `.`) too.
    #[arg(long = "hidden")]
    hidden: bool,

    /// Also convert the files (or folders) listed in FILE, one a line; `-` reads the list
    /// from standard input. Relative paths are mirrored under -o as written.
    #[arg(long = "files-from", value_name = "FILE")]
    files_from: Option<OsString>,

    /// The --files-from list is separated by NUL bytes (find -print0, git ls-files -z).
    #[arg(short = '0', long = "null", requires = "files_from")]
    null: bool,

    /// Skip inputs that the manifest in -o records as converted from the same bytes
    /// (sha256) with the same options and whose outputs still exist.
    #[arg(long = "resume")]
    resume: bool,

    /// Convert only the INDEX-th of COUNT parts of the inputs (INDEX from 0), chosen by a
    /// hash of each relative path: for job arrays (Slurm, Kubernetes, GNU parallel).
    #[arg(long = "shard", value_name = "INDEX/COUNT", value_parser = Shard::from_str)]
    shard: Option<Shard>,

    /// Print nothing on standard error except errors.
    #[arg(short = 'q', long = "quiet")]
    quiet: bool,

    /// With several inputs, print a line per converted file even without a terminal.
    #[arg(short = 'v', long = "verbose")]
    verbose: bool,

    /// Convert up to N inputs at once [default: one per CPU core]
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Memory budget of each conversion (e.g. 512M, 4G; 0 for none); a document over it
    /// fails with one line. With -j N, up to N documents may each use it at once.
    #[arg(long = "max-memory", value_name = "SIZE", default_value = "1G",
          value_parser = brief2md::memory::parse_size)]
    max_memory: usize,
}

#[derive(Debug, Clone, Copy)]
struct Wrap(Option<usize>);

fn parse_wrap(s: &str) -> Result<Wrap, String> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(Wrap(None));
    }
    match s.parse::<usize>() {
        Ok(n) if n >= 20 => Ok(Wrap(Some(n))),
        Ok(_) => Err("wrap width must be at least 20 columns".into()),
        Err(_) => Err(format!("expected `none` or a number of columns, got `{s}`")),
    }
}

fn main() -> ExitCode {
    // Panics are caught per input and reported as one line; the default hook would print
    // a backtrace hint on top.
    std::panic::set_hook(Box::new(|_| {}));
    brief2md::memory::skip_cleanup_at_exit();
    let cli = Cli::parse();
    brief2md::compile_patterns_in_background();
    let render = RenderOptions {
        to: cli
            .to
            .unwrap_or_else(|| infer_format(cli.output.as_deref())),
        from: cli.from,
        wrap: cli.wrap.0,
        max_memory: cli.max_memory,
    };
    if !is_batch(&cli) {
        return ExitCode::from(run_single(&cli, &render));
    }
    let Some(output_dir) = cli.output.clone().filter(|o| o != Path::new("-")) else {
        eprintln!(
            "brief2md: several inputs, folders and batch options need -o DIRECTORY \
             (one output file per input)"
        );
        return ExitCode::from(batch::EXIT_USAGE);
    };
    if output_dir.exists() && !output_dir.is_dir() {
        eprintln!(
            "brief2md: {}: not a folder (several inputs need -o DIRECTORY)",
            escape_os(output_dir.as_os_str())
        );
        return ExitCode::from(batch::EXIT_USAGE);
    }
    let options = BatchOptions {
        inputs: cli.inputs.clone(),
        files_from: cli.files_from.clone(),
        null: cli.null,
        output_dir,
        render,
        report: match &cli.report {
            None => ReportPlace::None,
            Some(None) => ReportPlace::Beside,
            Some(Some(dir)) => ReportPlace::Folder(dir.clone()),
        },
        include: cli.include.clone(),
        exclude: cli.exclude.clone(),
        hidden: cli.hidden,
        resume: cli.resume,
        shard: cli.shard,
        jobs: cli.jobs.map(usize::from),
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    ExitCode::from(batch::run(&options))
}

/// Several inputs, a folder, a file list, a batch-only option, or an existing folder (or a
/// name ending in `/`) as output make a batch run; one input to a file or stdout does not.
fn is_batch(cli: &Cli) -> bool {
    let output_is_folder = cli
        .output
        .as_deref()
        .is_some_and(|o| o.is_dir() || o.as_os_str().as_encoded_bytes().last() == Some(&b'/'));
    cli.inputs.len() > 1
        || cli.inputs.iter().any(|i| i != "-" && Path::new(i).is_dir())
        || cli.files_from.is_some()
        || cli.resume
        || cli.shard.is_some()
        || cli.hidden
        || !cli.include.is_empty()
        || !cli.exclude.is_empty()
        || output_is_folder
}

fn infer_format(output: Option<&Path>) -> OutputFormat {
    match output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("xml" | "jats") => OutputFormat::Jats,
        _ => OutputFormat::Markdown,
    }
}

/// One input to standard output or to the file named by -o.
fn run_single(cli: &Cli, render: &RenderOptions) -> u8 {
    let input = &cli.inputs[0];
    let (source, name) = if input == "-" {
        (Source::Stdin, "<stdin>".to_string())
    } else {
        (
            Source::File(PathBuf::from(input)),
            escape_os(input.as_os_str()),
        )
    };
    if let (Source::File(input), Some(output)) = (&source, &cli.output)
        && same_file(input, output)
    {
        eprintln!("brief2md: {name}: output would overwrite the input; nothing converted");
        return batch::EXIT_USAGE;
    }
    match convert_single(cli, render, &source) {
        Ok(rendered) => {
            if !cli.quiet {
                for warning in &rendered.report.warnings {
                    eprintln!("brief2md: {name}: warning: {}", printable(warning));
                }
                eprintln!("brief2md: {name}: {}", rendered.summary());
            }
            batch::EXIT_OK
        }
        Err(message) => {
            eprintln!("brief2md: {name}: {}", printable(&message));
            batch::EXIT_FAILED
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

fn convert_single(cli: &Cli, render: &RenderOptions, source: &Source) -> Result<Rendered, String> {
    let bytes = batch::read(source)?;
    let name = match source {
        Source::File(path) => Some(path.to_string_lossy().into_owned()),
        Source::Stdin => None,
    };
    let rendered = convert_and_render(bytes, name, render).map_err(|e| e.to_string())?;
    match cli.output.as_deref().filter(|o| *o != Path::new("-")) {
        Some(path) => write_atomic(path, rendered.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", escape_os(path.as_os_str())))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(rendered.text.as_bytes())
                .and_then(|_| stdout.flush())
                .or_else(|e| {
                    // A closed pipe (`| head`) is the reader's choice, not a failure.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(format!("cannot write to standard output: {e}"))
                    }
                })?;
        }
    }
    let report_path = match &cli.report {
        None => None,
        Some(Some(path)) => Some(path.clone()),
        Some(None) => match cli.output.as_deref().filter(|o| *o != Path::new("-")) {
            Some(out) => Some(out.with_extension("report.json")),
            None => return Err("--report needs a PATH when writing to standard output".into()),
        },
    };
    if let Some(path) = report_path {
        write_atomic(&path, rendered.report.to_json().as_bytes())
            .map_err(|e| format!("cannot write report {}: {e}", escape_os(path.as_os_str())))?;
    }
    Ok(rendered)
}
