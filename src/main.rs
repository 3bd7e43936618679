//! The `brief2md` command: argument parsing and I/O only; the work is in the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brief2md::report::{ActionKind, Report};
use brief2md::writers::{jats, markdown};
use brief2md::{Conversion, InputFormat, Options, convert};
use clap::{Parser, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  brief2md brief.pdf                      clean Markdown on stdout
  brief2md brief.pdf -o brief.md          ... into a file
  brief2md brief.pdf -t jats -o brief.xml JATS 1.4 XML (also inferred from a .xml name)
  brief2md extracted.txt                  text another tool pulled out of a PDF
  pdftotext -layout a.pdf - | brief2md -  read from stdin
  brief2md *.pdf -o out/ -j 4             many inputs: one output each in out/, 4 at once
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
    /// Input files (PDF or text); `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,

    /// Output format [default: markdown, or jats when -o ends in .xml]
    #[arg(short = 't', long = "to", value_enum, value_name = "FORMAT")]
    to: Option<OutputFormat>,

    /// Write here instead of standard output; with several inputs, a directory that gets
    /// one file per input (NAME.md or NAME.xml).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    output: Option<PathBuf>,

    /// Input format [default: sniffed: `%PDF-` header means pdf, anything else text]
    #[arg(long = "from", value_enum, value_name = "FORMAT")]
    from: Option<InputFormat>,

    /// Write the cleaning report (JSON: every line removed, marker repaired or recovered,
    /// word rejoined, with page, line numbers and confidence); with several inputs, a
    /// directory that gets NAME.report.json per input.
    #[arg(long = "report", value_name = "PATH")]
    report: Option<PathBuf>,

    /// Wrap Markdown paragraphs at N columns, or `none` to keep each on one line.
    #[arg(long = "wrap", value_name = "none|N", default_value = "none", value_parser = parse_wrap)]
    wrap: Wrap,

    /// Print nothing on standard error except errors.
    #[arg(short = 'q', long = "quiet")]
    quiet: bool,

    /// Convert up to N inputs at once [default: one per CPU core]
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// CommonMark + GFM footnotes, YAML front matter.
    Markdown,
    /// JATS 1.4 Archiving and Interchange XML.
    Jats,
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

impl OutputFormat {
    fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Jats => "xml",
        }
    }
}

fn main() -> ExitCode {
    // Panics are caught per input and reported as one line; the default hook would print
    // a backtrace hint on top.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let batch = cli.inputs.len() > 1;
    if batch && cli.output.is_none() {
        eprintln!("brief2md: several inputs need -o DIRECTORY (one output file per input)");
        return ExitCode::from(2);
    }
    if cli.inputs.iter().filter(|i| *i == "-").count() > 1 {
        eprintln!("brief2md: standard input (-) can be read only once");
        return ExitCode::from(2);
    }
    let format = cli
        .to
        .unwrap_or_else(|| infer_format(cli.output.as_deref()));
    for dir in [cli.output.as_ref(), cli.report.as_ref()]
        .into_iter()
        .flatten()
        .filter(|_| batch)
    {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("brief2md: {}: cannot create directory: {e}", dir.display());
            return ExitCode::from(1);
        }
    }
    // Inputs are independent: convert them in parallel, report in input order.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cli.jobs.map_or(0, usize::from))
        .build();
    let stems = unique_stems(&cli.inputs);
    let jobs: Vec<(&String, &String)> = cli.inputs.iter().zip(&stems).collect();
    let run_all = || -> Vec<Result<String, String>> {
        use rayon::prelude::*;
        jobs.par_iter()
            .map(|(input, stem)| run_one(&cli, input, stem, format, batch))
            .collect()
    };
    let results = match (&pool, batch) {
        (Ok(pool), true) => pool.install(run_all),
        _ => jobs
            .iter()
            .map(|(input, stem)| run_one(&cli, input, stem, format, batch))
            .collect(),
    };
    let mut failed = false;
    for (input, result) in cli.inputs.iter().zip(results) {
        match result {
            Ok(summary) if !cli.quiet => eprintln!("brief2md: {}: {summary}", display_name(input)),
            Ok(_) => {}
            Err(message) => {
                eprintln!("brief2md: {}: {message}", display_name(input));
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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

fn display_name(input: &str) -> &str {
    if input == "-" { "<stdin>" } else { input }
}

fn read_input(input: &str) -> Result<Vec<u8>, String> {
    if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    let path = Path::new(input);
    if path.is_dir() {
        return Err("is a directory".into());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    })
}

/// Converts one input and writes its output (and report); returns the summary line.
fn run_one(
    cli: &Cli,
    input: &str,
    stem: &str,
    format: OutputFormat,
    batch: bool,
) -> Result<String, String> {
    let bytes = read_input(input)?;
    let options = Options {
        from: cli.from,
        source_name: (input != "-").then(|| input.to_string()),
        ..Default::default()
    };
    let conversion = std::panic::catch_unwind(|| convert(&bytes, &options))
        .map_err(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("internal error, please report it with this file: {what}")
        })?
        .map_err(|e| e.to_string())?;
    let Conversion {
        document,
        mut report,
    } = conversion;
    let rendered = match format {
        OutputFormat::Markdown => {
            markdown::write(&document, &markdown::MarkdownOptions { wrap: cli.wrap.0 })
        }
        OutputFormat::Jats => jats::write_with_report(&document, &mut report),
    };

    let out_path = match (&cli.output, batch) {
        (Some(dir), true) => Some(dir.join(format!("{stem}.{}", format.extension()))),
        (Some(path), false) => Some(path.clone()),
        (None, _) => None,
    };
    match &out_path {
        Some(path) if path != Path::new("-") => std::fs::write(path, rendered.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(rendered.as_bytes())
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
    if let Some(report_path) = &cli.report {
        let path = if batch {
            report_path.join(format!("{stem}.report.json"))
        } else {
            report_path.clone()
        };
        std::fs::write(&path, report.to_json())
            .map_err(|e| format!("cannot write report {}: {e}", path.display()))?;
    }
    Ok(summary(&report, &document))
}

/// Output names for the inputs: their file stems, made unique ("brief", "brief-2") when two
/// inputs from different folders share one.
fn unique_stems(inputs: &[String]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    inputs
        .iter()
        .map(|i| {
            let stem = output_stem(i);
            let n = seen.entry(stem.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { stem } else { format!("{stem}-{n}") }
        })
        .collect()
}

fn output_stem(input: &str) -> String {
    if input == "-" {
        return "stdin".to_string();
    }
    Path::new(input)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string())
}

fn summary(report: &Report, doc: &brief2md::model::Document) -> String {
    let removed = report.count(ActionKind::RunningHeader)
        + report.count(ActionKind::PageNumber)
        + report.count(ActionKind::ContactLine);
    let recovered = report.count(ActionKind::MarkerRecovered);
    let unplaced = report.count(ActionKind::FootnoteUnplaced);
    let mut s = format!(
        "{} page(s), {} block(s), {} footnote(s)",
        report.pages,
        doc.blocks.len(),
        doc.footnotes.len()
    );
    if recovered > 0 {
        s.push_str(&format!(" ({recovered} marker(s) recovered)"));
    }
    if unplaced > 0 {
        s.push_str(&format!(", {unplaced} note(s) not placed"));
    }
    if removed > 0 {
        s.push_str(&format!(", {removed} furniture line(s) removed"));
    }
    if !report.warnings.is_empty() {
        s.push_str(&format!(
            ", {} warning(s): {}",
            report.warnings.len(),
            report.warnings[0]
        ));
    }
    s
}
