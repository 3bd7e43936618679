//! One input converted and rendered: shared by the single-file command and batch runs.

use crate::batch::names::escape_text;
use crate::memory;
use crate::model::Document;
use crate::report::{ActionKind, Report};
use crate::writers::{jats, markdown};
use crate::{InputFormat, Options, convert_owned};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputFormat {
    /// CommonMark + GFM footnotes, YAML front matter.
    Markdown,
    /// JATS 1.4 Archiving and Interchange XML.
    Jats,
}

impl OutputFormat {
    /// The file extension of this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Jats => "xml",
        }
    }
}

/// How every input of a run is converted and rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Output format.
    pub to: OutputFormat,
    /// Forced input format; `None` sniffs.
    pub from: Option<InputFormat>,
    /// Markdown wrap width; `None` keeps each paragraph on one line.
    pub wrap: Option<usize>,
    /// Memory budget of one conversion in bytes (0: none); see [`crate::memory`].
    pub max_memory: usize,
}

/// Figures about one conversion, for summaries and the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Stats {
    /// Pages read.
    pub pages: usize,
    /// Body blocks.
    pub blocks: usize,
    /// Footnotes referenced from the body (recovered ones included).
    pub linked: usize,
    /// Footnotes whose lost marker was put back.
    pub recovered: usize,
    /// Footnotes the body never references.
    pub unlinked: usize,
    /// Running headers, page numbers and contact lines removed.
    pub furniture_removed: usize,
}

/// A converted input: the rendered text, the document it renders, its report and figures.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Markdown or JATS XML.
    pub text: String,
    /// The structured document the text renders (for callers that want it as data).
    pub document: Document,
    /// The cleaning report (JATS writing may add to it).
    pub report: Report,
    /// Figures about the conversion.
    pub stats: Stats,
}

/// Why one input was not converted. Its `Display` is the one-line reason the command
/// prints after the file name.
#[derive(Debug)]
pub enum Failure {
    /// The converter refused the input (empty, not a PDF, encrypted, damaged...).
    Input(crate::Error),
    /// The conversion went over its memory budget.
    OverBudget(memory::OverBudget),
    /// The converter panicked: a bug, reported with what the panic said.
    Internal(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Input(e) => e.fmt(f),
            Failure::OverBudget(over) => over.fmt(f),
            Failure::Internal(what) => {
                write!(f, "internal error, please report it with this file: {what}")
            }
        }
    }
}

impl std::error::Error for Failure {}

/// Converts `bytes` and renders the result; the error says why nothing was converted. A
/// panic in the converter is caught and reported as an error of this input, so that one
/// bad file cannot stop a batch; so is a conversion over its memory budget.
pub fn convert_and_render(
    bytes: Vec<u8>,
    source_name: Option<String>,
    options: &RenderOptions,
) -> Result<Rendered, Failure> {
    let display = source_name
        .as_deref()
        .map_or_else(|| "<stdin>".to_string(), escape_text);
    let _budget = memory::Budget::begin_holding(&display, options.max_memory, bytes.len());
    let convert_options = Options {
        from: options.from,
        source_name,
        ..Default::default()
    };
    let rendered = std::panic::catch_unwind(|| {
        let conversion = convert_owned(bytes, &convert_options).map_err(Failure::Input)?;
        let document = conversion.document;
        let mut report = conversion.report;
        let text = match options.to {
            OutputFormat::Markdown => {
                markdown::write(&document, &markdown::MarkdownOptions { wrap: options.wrap })
            }
            OutputFormat::Jats => jats::write_with_report(&document, &mut report),
        };
        memory::checkpoint();
        Ok::<_, Failure>((document, report, text))
    });
    let (document, report, text) = rendered.map_err(|payload| {
        if let Some(over) = payload.downcast_ref::<memory::OverBudget>() {
            return Failure::OverBudget(*over);
        }
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Failure::Internal(what)
    })??;
    let stats = stats(&report, &document);
    Ok(Rendered {
        text,
        document,
        report,
        stats,
    })
}

fn stats(report: &Report, document: &Document) -> Stats {
    let unlinked = document.unreferenced_footnotes().len();
    Stats {
        pages: report.pages,
        blocks: document.blocks.len(),
        linked: document.footnotes.len().saturating_sub(unlinked),
        recovered: report.count(ActionKind::MarkerRecovered),
        unlinked,
        furniture_removed: report.count(ActionKind::RunningHeader)
            + report.count(ActionKind::PageNumber)
            + report.count(ActionKind::ContactLine)
            + report.count(ActionKind::BlankPageNotice)
            + report.count(ActionKind::Watermark),
    }
}

impl Rendered {
    /// The one-line summary printed after a file: pages, blocks, notes, what was removed.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let mut line = format!(
            "{} page(s), {} block(s), {} footnote(s)",
            s.pages,
            s.blocks,
            s.linked + s.unlinked
        );
        if s.recovered > 0 {
            line.push_str(&format!(" ({} marker(s) recovered)", s.recovered));
        }
        if s.unlinked > 0 {
            line.push_str(&format!(", {} note(s) not placed", s.unlinked));
        }
        if s.furniture_removed > 0 {
            line.push_str(&format!(
                ", {} furniture line(s) removed",
                s.furniture_removed
            ));
        }
        if !self.report.warnings.is_empty() {
            line.push_str(&format!(", {} warning(s)", self.report.warnings.len()));
        }
        line
    }
}
