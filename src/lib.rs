//! brief2md turns think-tank issue briefs, policy papers and reports into clean, linked,
//! structured text: Markdown with GFM footnotes, or JATS XML.
//!
//! The pipeline has the shape of pandoc's: **readers** ([`readers`]) turn a PDF or a text
//! file into pages of styled lines ([`source`]); **cleaning passes** ([`clean`]) remove
//! running headers, page numbers and letterhead, and repair markers and glyphs;
//! **structure recovery** ([`structure`]) builds one [`model::Document`] (metadata,
//! headings, paragraphs, nested lists, footnotes with their links); **writers**
//! ([`writers`]) render that model. A [`report::Report`] records every line dropped and every
//! guess made, for auditing.
//!
//! ```
//! use brief2md::{convert, Options};
//! use brief2md::writers::markdown::{self, MarkdownOptions};
//!
//! let text = "POLICY BRIEF\n\nWATER AND CREDIT\n\nBy Ana Diallo\n\n\
//!             Farmers borrow to buy pumps and must repay before the harvest is sold.\u{b3}\n\n\
//!             \u{b3} Interview with a cooperative treasurer, conducted on 4 May 2024.\n";
//! let conversion = convert(text.as_bytes(), &Options::default()).unwrap();
//! let md = markdown::write(&conversion.document, &MarkdownOptions::default());
//! assert_eq!(
//!     md,
//!     "---\ntitle: \"WATER AND CREDIT\"\nauthor:\n  - \"Ana Diallo\"\ntype: \"POLICY BRIEF\"\n---\n\n\
//!      Farmers borrow to buy pumps and must repay before the harvest is sold.[^3]\n\n\
//!      [^3]: Interview with a cooperative treasurer, conducted on 4 May 2024.\n"
//! );
//! ```

#![warn(missing_docs)]

pub mod batch;
pub mod caption_labels;
pub mod clean;
pub mod contents_lines;
pub mod date;
pub mod error;
pub mod label_lines;
pub mod layout;
pub mod line_kinds;
pub mod lines;
pub mod memory;
pub mod model;
mod patterns;
pub mod postal;
pub mod readers;
pub mod report;
pub mod rich;
pub mod source;
pub mod structure;
#[cfg(test)]
mod test_phrases;
pub mod words;
pub mod writers;

pub use error::Error;
pub use readers::InputFormat;

use std::borrow::Cow;

use model::Document;
use report::Report;

/// Starts compiling, on a thread of its own, the regular expressions that nearly every
/// conversion uses: the classifiers' `regex-lite` patterns, about 0.5 M instructions in all
/// (as `regex` patterns they cost eight times that). Begun at start-up, the work overlaps
/// with reading the PDF, which needs none of them. A pattern the conversion reaches first is
/// compiled by the conversion itself (each is compiled once, whichever thread gets there
/// first), so this only ever saves time. The thread walks the pipeline backwards (the
/// conversion walks it forwards), so that the two seldom wait on the same pattern.
pub fn compile_patterns_in_background() {
    let _ = std::thread::Builder::new()
        .name("patterns".into())
        .spawn(|| {
            structure::classify::compile_patterns();
        });
}

/// Inputs larger than this are refused by default (bytes).
pub const DEFAULT_MAX_INPUT: usize = 512 * 1024 * 1024;

/// How to convert one input.
#[derive(Debug, Clone)]
pub struct Options {
    /// Force the input format; `None` sniffs it (`%PDF-` header, else text).
    pub from: Option<InputFormat>,
    /// The input's file name, recorded in metadata and the report; a name ending in `.pdf`
    /// makes a non-PDF input an error rather than text.
    pub source_name: Option<String>,
    /// Refuse inputs larger than this many bytes.
    pub max_input: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            from: None,
            source_name: None,
            max_input: DEFAULT_MAX_INPUT,
        }
    }
}

/// The result of converting one input: the document and what was done to get it.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The structured document.
    pub document: Document,
    /// The cleaning report.
    pub report: Report,
}

/// An input read and cleaned, before structure recovery: the reader's pages, the cleaned
/// lines in reading order, and the report so far. [`convert`] goes on from here; debugging
/// tools (`examples/pieces.rs`) stop here to look at the lines.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// What the reader produced.
    pub source: source::SourceDocument,
    /// Lines after layout analysis and cleaning.
    pub lines: Vec<lines::TextLine>,
    /// What was done so far.
    pub report: Report,
}

/// Reads one input and runs layout analysis and cleaning on its lines (the first half of
/// [`convert`], with the same errors).
pub fn prepare(input: &[u8], options: &Options) -> Result<Prepared, Error> {
    prepare_input(Cow::Borrowed(input), options)
}

/// [`prepare`] with the input borrowed or owned; owned bytes are freed as soon as the
/// reader is done with them.
fn prepare_input(input: Cow<'_, [u8]>, options: &Options) -> Result<Prepared, Error> {
    if input.len() > options.max_input {
        return Err(Error::TooLarge {
            size: input.len(),
            limit: options.max_input,
        });
    }
    let pdf_name = options
        .source_name
        .as_deref()
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".pdf"));
    let format = readers::detect(&input, options.from, pdf_name)?;
    let mut report = Report {
        source: options.source_name.clone(),
        ..Default::default()
    };
    let source = match format {
        InputFormat::Text => {
            report.reader = "text".into();
            let source = readers::text::read(&input, &mut report);
            drop(input);
            source
        }
        InputFormat::Pdf => {
            report.reader = "pdf".into();
            readers::pdf::read(input, &mut report)?
        }
        InputFormat::Hocr => {
            report.reader = "hocr".into();
            readers::ocr::read(&input, readers::ocr::OcrFormat::Hocr, &mut report)
        }
        InputFormat::Alto => {
            report.reader = "alto".into();
            readers::ocr::read(&input, readers::ocr::OcrFormat::Alto, &mut report)
        }
    };
    report.pages = source.pages.len();
    memory::checkpoint();
    if source
        .pages
        .iter()
        .all(|p| p.lines.iter().all(|l| l.is_blank()))
    {
        // A page whose text was dropped (a limit, a damaged stream) must not end as a bare
        // "no text found": the reader's first warning says why.
        return Err(match report.warnings.split_first() {
            None => Error::NoText,
            Some((first, [])) => Error::NoTextWarned(first.clone()),
            Some((first, more)) => {
                Error::NoTextWarned(format!("{first}; {} more warning(s)", more.len()))
            }
        });
    }
    let mut lines = lines::from_source(&source);
    structure::tagged::prepare(&mut lines, &source.info, &mut report);
    memory::checkpoint();
    layout::prepare(&mut lines, &source.pages, &mut report);
    memory::checkpoint();
    clean::run(&mut lines, &mut report);
    memory::checkpoint();
    Ok(Prepared {
        source,
        lines,
        report,
    })
}

/// Converts one input (PDF or extracted text) into a [`Document`] and its [`Report`].
///
/// Errors are one-line descriptions of why nothing could be converted: empty input, not a
/// PDF, encrypted, damaged, no text layer.
pub fn convert(input: &[u8], options: &Options) -> Result<Conversion, Error> {
    convert_input(Cow::Borrowed(input), options)
}

/// [`convert`] taking the input's bytes: they are freed as soon as the reader is done
/// with them (a PDF's once its objects are loaded), so that a long file does not stay in
/// memory beside everything made from it.
pub fn convert_owned(input: Vec<u8>, options: &Options) -> Result<Conversion, Error> {
    convert_input(Cow::Owned(input), options)
}

fn convert_input(input: Cow<'_, [u8]>, options: &Options) -> Result<Conversion, Error> {
    let Prepared {
        source,
        lines,
        mut report,
    } = prepare_input(input, options)?;
    let source::SourceDocument { pages, info, .. } = source;
    let mut targets: Vec<String> = pages
        .iter()
        .flat_map(|p| p.links.iter().map(|l| l.url.clone()))
        .collect();
    targets.sort();
    targets.dedup();
    // The reader's pages are done with: the lines carry everything later passes read, and
    // a long document need not hold its text twice while its structure is built.
    drop(pages);
    let mut document = structure::build(lines, &info, &targets, &mut report);
    memory::checkpoint();
    if document.metadata.source.is_none() {
        document.metadata.source = options
            .source_name
            .as_deref()
            .filter(|n| *n != "-")
            .map(|n| {
                std::path::Path::new(n)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_else(|| n.to_string())
            });
    }
    Ok(Conversion { document, report })
}
