//! `brief2md._native`: the library's conversion, called from Python.
//!
//! The conversion is the command's own ([`convert_and_render`]), so a Python caller gets
//! the bytes the command writes. The GIL is released while a document converts, so
//! Python threads convert documents in parallel. The Python package (`brief2md/`) wraps
//! this module with the documented API: sources as paths, bytes or file objects, and the
//! JSON parts decoded into dicts.

use brief2md::batch::convert::{
    Failure, OutputFormat, RenderOptions, Rendered, convert_and_render,
};
use brief2md::batch::names::printable;
use brief2md::model::Document;
use brief2md::report::Report;
use brief2md::writers::jats;
use brief2md::{Error, InputFormat, memory};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

/// Counts each conversion's memory (per thread) so that `max_memory` holds in Python as in
/// the command. It is the allocator of this module's Rust code only; Python's own memory is
/// not touched.
#[global_allocator]
static ALLOCATOR: memory::CountingAllocator = memory::CountingAllocator;

create_exception!(
    _native,
    ConversionError,
    PyException,
    "An input could not be converted; the message is the command's one-line reason."
);
create_exception!(
    _native,
    NotAPdf,
    ConversionError,
    "The input is not a PDF (or, sniffed, neither a PDF nor text)."
);
create_exception!(
    _native,
    Encrypted,
    ConversionError,
    "The PDF is encrypted and cannot be opened without a password (or in this form at all)."
);
create_exception!(
    _native,
    NoTextLayer,
    ConversionError,
    "The input holds no extractable text (a scan without OCR, or an empty text layer)."
);
create_exception!(
    _native,
    Damaged,
    ConversionError,
    "The PDF is too damaged to be read."
);

/// The exception a failure raises, with the command's one-line message.
fn exception(failure: &Failure) -> PyErr {
    let message = printable(&failure.to_string());
    match failure {
        Failure::Input(Error::NotPdf { .. } | Error::Binary { .. }) => NotAPdf::new_err(message),
        Failure::Input(Error::Encrypted | Error::UnsupportedEncryption(_)) => {
            Encrypted::new_err(message)
        }
        Failure::Input(Error::NoTextLayer { .. } | Error::NoText | Error::NoTextWarned(_)) => {
            NoTextLayer::new_err(message)
        }
        Failure::Input(Error::DamagedPdf(_)) => Damaged::new_err(message),
        _ => ConversionError::new_err(message),
    }
}

/// One converted document, as the Python wrapper reads it. The document and report are
/// kept as they are and turned into JSON only when asked for, so that a caller who wants
/// only the text pays for nothing more than the command does.
#[pyclass(frozen, module = "brief2md._native")]
struct Converted {
    /// Markdown, when asked for.
    #[pyo3(get)]
    markdown: Option<String>,
    /// JATS XML, when asked for.
    #[pyo3(get)]
    jats: Option<String>,
    document: Document,
    report: Report,
}

#[pymethods]
impl Converted {
    /// The metadata, as JSON.
    fn metadata_json(&self) -> String {
        serde_json::to_string(&self.document.metadata).expect("metadata serialises")
    }

    /// The footnotes (number, label, text, linked, recovered), as JSON.
    fn footnotes_json(&self, py: Python<'_>) -> String {
        py.allow_threads(|| {
            serde_json::to_string(&self.document.note_summaries()).expect("notes serialise")
        })
    }

    /// The cleaning report, as JSON: the file `--report` writes.
    fn report_json(&self, py: Python<'_>) -> String {
        py.allow_threads(|| self.report.to_json())
    }

    /// The report's warnings.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.report.warnings.clone()
    }
}

fn parse_to(to: Option<&str>) -> PyResult<Option<OutputFormat>> {
    match to.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(None),
        Some("markdown" | "md") => Ok(Some(OutputFormat::Markdown)),
        Some("jats" | "xml") => Ok(Some(OutputFormat::Jats)),
        Some(other) => Err(PyValueError::new_err(format!(
            "to must be \"markdown\", \"jats\" or None, not {other:?}"
        ))),
    }
}

fn parse_from(from: Option<&str>) -> PyResult<Option<InputFormat>> {
    match from.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(None),
        Some("pdf") => Ok(Some(InputFormat::Pdf)),
        Some("text" | "txt") => Ok(Some(InputFormat::Text)),
        Some(other) => Err(PyValueError::new_err(format!(
            "from_ must be \"pdf\", \"text\" or None, not {other:?}"
        ))),
    }
}

/// Converts the bytes of one input; `name` is its path as the command would be given it
/// (recorded in the metadata and the report). `to=None` renders both formats, the report
/// then being the one `-t jats` writes.
#[pyfunction]
#[pyo3(signature = (data, *, name=None, to=None, from_=None, wrap=None, max_memory=memory::DEFAULT_BUDGET))]
fn convert(
    py: Python<'_>,
    data: &[u8],
    name: Option<String>,
    to: Option<&str>,
    from_: Option<&str>,
    wrap: Option<usize>,
    max_memory: usize,
) -> PyResult<Converted> {
    let to = parse_to(to)?;
    let from = parse_from(from_)?;
    if wrap.is_some_and(|w| w < 20) {
        return Err(PyValueError::new_err(
            "wrap width must be at least 20 columns",
        ));
    }
    let options = RenderOptions {
        to: to.unwrap_or(OutputFormat::Markdown),
        from,
        wrap,
        max_memory,
    };
    let result = py.allow_threads(|| {
        let Rendered {
            text,
            document,
            mut report,
            ..
        } = convert_and_render(data.to_vec(), name, &options)?;
        let (markdown, jats) = match to {
            Some(OutputFormat::Markdown) => (Some(text), None),
            Some(OutputFormat::Jats) => (None, Some(text)),
            // Markdown adds nothing to the report; JATS may (characters XML cannot hold).
            None => {
                let jats = jats::write_with_report(&document, &mut report);
                (Some(text), Some(jats))
            }
        };
        Ok::<_, Failure>(Converted {
            markdown,
            jats,
            document,
            report,
        })
    });
    result.map_err(|failure| exception(&failure))
}

/// Parses a size such as `512M` or `2G` (0: no limit), as `--max-memory` does.
#[pyfunction]
fn parse_size(text: &str) -> PyResult<usize> {
    memory::parse_size(text).map_err(PyValueError::new_err)
}

/// The native half of the `brief2md` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(parse_size, m)?)?;
    m.add_class::<Converted>()?;
    m.add("ConversionError", py.get_type::<ConversionError>())?;
    m.add("NotAPdf", py.get_type::<NotAPdf>())?;
    m.add("Encrypted", py.get_type::<Encrypted>())?;
    m.add("NoTextLayer", py.get_type::<NoTextLayer>())?;
    m.add("Damaged", py.get_type::<Damaged>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
